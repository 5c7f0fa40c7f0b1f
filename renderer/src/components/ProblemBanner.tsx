// What is wrong with the data file or the keychain, shown until main says it is fixed.
import { useStore } from '../store';

export function ProblemBanner() {
  const problem = useStore((store) => store.state?.problem);
  if (!problem) return null;
  return (
    <div className="error-banner" role="alert" data-code={problem.code}>
      <span>{problem.message}</span>
    </div>
  );
}
