import { VscodeCheckbox } from '@vscode-elements/react-elements';
import { setOptions } from '../../../src/model/project/edit';
import type { ProjectSpec } from '../../../src/model/project/projectSpec';

type Edit = (change: (spec: ProjectSpec) => ProjectSpec) => boolean;
const checkedOf = (event: { currentTarget: unknown }) => (event.currentTarget as { checked: boolean }).checked;

/** What to generate besides the app itself. */
export function OptionsEditor({ spec, edit }: { spec: ProjectSpec; edit: Edit }) {
  return (
    <section aria-label="Options" className="review-section">
      <h3>Also generate</h3>
      <div className="options">
        <VscodeCheckbox
          checked={spec.options.tests}
          data-testid="option-tests"
          onChange={(event) => edit((s) => setOptions(s, { tests: checkedOf(event) }))}
        >
          Tests: API tests on an in-memory database, and component tests of the pages
        </VscodeCheckbox>
        <VscodeCheckbox
          checked={spec.options.docker}
          data-testid="option-docker"
          onChange={(event) => edit((s) => setOptions(s, { docker: checkedOf(event) }))}
        >
          Docker: a Dockerfile per app, nginx for the frontend, docker-compose with PostgreSQL
        </VscodeCheckbox>
      </div>
    </section>
  );
}
