/**
 * Redraw changed charts one per frame, not all in one.
 *
 * recharts draws a chart in a requestAnimationFrame callback after React commits it; four
 * charts changing at once (a new number of queries moves the cost split, the volume marker, the
 * leakage ledger and the Pareto plot) made one 100–170 ms frame in which the page could not
 * respond. Queued, each chart's redraw gets its own frames: the first chart shows the
 * new figures sooner and typing stays smooth while the rest follow.
 */
type Job = { run: () => void; cancelled: boolean };

const queue: Job[] = [];
let pumping = false;

function nextFrame(fn: () => void) {
  // React renders the chart in a task, recharts draws it in the following animation frame; the
  // next chart starts after that frame has painted (second rAF, then a task).
  if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(fn, 0)));
  else setTimeout(fn, 32);
}

function pump() {
  let job = queue.shift();
  while (job?.cancelled) job = queue.shift();
  if (job) job.run();
  if (queue.some((j) => !j.cancelled)) nextFrame(pump);
  else {
    queue.length = 0;
    pumping = false;
  }
}

/** Run `run` in its turn (the first at once in a new task, then one per frame); returns a cancel. */
export function scheduleChartRedraw(run: () => void): () => void {
  const job: Job = { run, cancelled: false };
  queue.push(job);
  if (!pumping) {
    pumping = true;
    setTimeout(pump, 0);
  }
  return () => {
    job.cancelled = true;
  };
}
