// Streamed at once while the estimate computes: a link's first PRV accounting takes seconds.
export default function Loading() {
  return (
    <main>
      <h1>Privacy and cost statement</h1>
      <p role="status">Computing the estimate for this link (the first view of a scenario can take a few seconds)…</p>
    </main>
  );
}
