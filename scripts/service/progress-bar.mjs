// A progress bar for the scripts: one line redrawn in place on a terminal, a line every few seconds elsewhere.
export function progressBar(unit) {
  const tty = process.stdout.isTTY;
  const width = 30;
  let lastLine = 0;
  const samples = [];
  return {
    /** `done` of `total` (null when not known yet), and a word on where it is. */
    show(done, total, state = '') {
      const now = Date.now();
      samples.push({ at: now, done });
      while (samples.length > 2 && now - samples[0].at > 10_000) samples.shift();
      const first = samples[0];
      const rate = now > first.at ? ((done - first.done) * 1000) / (now - first.at) : 0;
      const share = total ? Math.min(1, done / total) : 0;
      const left = rate > 0 && total ? Math.max(0, (total - done) / rate) : null;
      const line = `[${'#'.repeat(Math.round(share * width)).padEnd(width, '.')}] ${done.toLocaleString('en')}` +
        ` of ${total ? total.toLocaleString('en') : '…'} ${unit}, ${Math.round(rate).toLocaleString('en')}/s,` +
        ` ${left === null ? 'time left unknown' : `about ${Math.ceil(left)} s left`}${state ? ` (${state})` : ''}`;
      if (tty) process.stdout.write(`\r${line}\x1b[K`);
      else if (now - lastLine > 5000 || done === total) {
        console.log(line);
        lastLine = now;
      }
    },
    end() {
      if (tty) process.stdout.write('\n');
    },
  };
}
