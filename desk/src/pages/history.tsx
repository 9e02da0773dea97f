import type { FactHistory } from '../history';

/** A fact's history: as recorded, then each correction (what it changed, and why) and retraction. */
export function History({ history }: { history: FactHistory }) {
  const { recorded, amendments } = history;
  return (
    <section aria-labelledby="history">
      <h2 id="history">History</h2>
      <ol class="history">
        <li>Recorded by {recorded.actor} at {recorded.recorded} (version {recorded.version}).</li>
        {amendments.map((amendment) => (
          <li data-amendment={amendment.type}>
            {amendment.type === 'EventCorrected'
              ? `Corrected by ${amendment.actor} at ${amendment.recorded}: ${Object.keys(amendment.data.changes ?? {}).join(', ')} changed. Reason: ${amendment.data.reason}`
              : `Retracted by ${amendment.actor} at ${amendment.recorded}. Reason: ${amendment.data.reason}`}
          </li>
        ))}
      </ol>
    </section>
  );
}
