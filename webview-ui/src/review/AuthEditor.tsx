import { VscodeCheckbox, VscodeTextfield } from '@vscode-elements/react-elements';
import { useEffect, useState } from 'react';
import { setAuth } from '../../../src/model/project/edit';
import type { ProjectSpec } from '../../../src/model/project/projectSpec';
import { Sources } from './Sources';

type Edit = (change: (spec: ProjectSpec) => ProjectSpec) => boolean;

/** Sign-in on or off, and the roles (comma separated; the first is given to new accounts). */
export function AuthEditor({ spec, edit }: { spec: ProjectSpec; edit: Edit }) {
  const auth = spec.auth;
  const roles = auth.kind === 'emailPassword' ? auth.roles.join(', ') : '';
  const [text, setText] = useState(roles);
  useEffect(() => setText(roles), [roles]);
  const commitRoles = () => {
    if (auth.kind !== 'emailPassword' || text === roles) return;
    const list = text.split(',').map((r) => r.trim()).filter(Boolean);
    if (!edit((s) => setAuth(s, { enabled: true, roles: list }))) setText(text);
  };
  return (
    <section aria-label="Authentication" className="review-section">
      <h3>Sign-in and roles</h3>
      <VscodeCheckbox
        checked={auth.kind === 'emailPassword'}
        data-testid="auth-enabled"
        onChange={(event) => {
          const enabled = (event.currentTarget as unknown as { checked: boolean }).checked;
          edit((s) => setAuth(s, enabled ? { enabled: true, roles: ['user'] } : { enabled: false }));
        }}
      >
        Users sign up and sign in with email and password
      </VscodeCheckbox>
      {auth.kind === 'emailPassword' && (
        <div className="auth-roles">
          <label htmlFor="auth-roles">Roles</label>
          <VscodeTextfield
            id="auth-roles"
            value={text}
            aria-label="Roles, separated by commas"
            data-testid="auth-roles"
            onInput={(event) => setText((event.currentTarget as unknown as { value: string }).value)}
            onKeyDown={(event) => event.key === 'Enter' && commitRoles()}
            onBlur={commitRoles}
          />
          <span className="muted">
            New accounts get <strong>{auth.defaultRole}</strong>
            {auth.adminRole ? `; ${auth.adminRole} may do everything` : ''}
            {auth.selfSignup ? '' : '; accounts are created by an admin'}.
          </span>
        </div>
      )}
      {/* Its own paragraph: inline after the checkbox it read "…email and passwordNot from the text". */}
      <p className="auth-source">
        <Sources spec={spec} ids={auth.sources} />
      </p>
    </section>
  );
}
