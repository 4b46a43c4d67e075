/**
 * What a generated file is for, as the explanation card and the code viewer both say it: the
 * requirement sentences it serves, or that it is project infrastructure traced to none.
 */
export function ServedRequirements({ requirements, testId }: { requirements: string[]; testId: string }) {
  if (requirements.length === 0) return <p className="muted">Project infrastructure: not traced to a single requirement sentence.</p>;
  return (
    <>
      <p className="muted">Serves these requirements:</p>
      <ul data-testid={testId}>
        {requirements.map((text) => (
          <li key={text}>“{text}”</li>
        ))}
      </ul>
    </>
  );
}
