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

/**
 * Run `run` in its turn (the first at once, then one per frame); returns a cancel.
 *
 * The first runs synchronously: the figures' effects call this right after the results commit,
 * and the first chart's redraw then starts in the same task. Deferred to a new task, it waited
 * for the frame the browser painted in between (~15 ms here) before recharts even began.
 */
export function scheduleChartRedraw(run: () => void): () => void {
  const job: Job = { run, cancelled: false };
  const cancel = () => {
    job.cancelled = true;
  };
  if (pumping) queue.push(job);
  else {
    pumping = true;
    run();
    nextFrame(pump);
  }
  return cancel;
}
