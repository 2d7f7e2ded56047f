import type { FieldError, FieldWarning } from "@/lib";

/** The banner for a share link with bad fields: what was ignored and why. */
export function LinkProblems({ errors, warnings }: { errors: readonly FieldError[]; warnings: readonly FieldWarning[] }) {
  if (errors.length === 0 && warnings.length === 0) return null;
  return (
    <div role="alert" className="alert">
      {errors.length > 0 && (
        <>
          <strong>Some fields of this link were ignored; their defaults are used instead.</strong>
          <ul>
            {errors.map((e) => (
              <li key={e.field}>
                <code>{e.field}</code>: {e.message} (received <code>{JSON.stringify(e.received)}</code>; allowed: {e.allowed}).
              </li>
            ))}
          </ul>
        </>
      )}
      {warnings.length > 0 && (
        <ul>
          {warnings.map((w) => (
            <li key={w.field + w.message}>
              <code>{w.field}</code>: {w.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
