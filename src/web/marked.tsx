import { MARK_START, MARK_END } from '../views/search/queries';

/** Text whose matched words the search index marked (MARK_START … MARK_END), with each match in `<mark>`. */
export function Marked({ text }: { text: string }) {
  const parts = text.split(MARK_START);
  return (
    <>
      {parts[0]}
      {parts.slice(1).map((part) => {
        const [matched, rest = ''] = part.split(MARK_END);
        return <><mark>{matched}</mark>{rest}</>;
      })}
    </>
  );
}
