import { useMemo, useState } from 'react';

interface TreeNode {
  name: string;
  path: string;
  children: TreeNode[];
  isFile: boolean;
}

/** Folders first, then files, each alphabetically, like VS Code's explorer. */
export function buildTree(paths: readonly string[]): TreeNode[] {
  const root: TreeNode = { name: '', path: '', children: [], isFile: false };
  for (const path of paths) {
    let node = root;
    const parts = path.split('/');
    parts.forEach((part, index) => {
      const isFile = index === parts.length - 1;
      const childPath = parts.slice(0, index + 1).join('/');
      let child = node.children.find((c) => c.name === part && c.isFile === isFile);
      if (!child) {
        child = { name: part, path: childPath, children: [], isFile };
        node.children.push(child);
      }
      node = child;
    });
  }
  const sort = (nodes: TreeNode[]) => {
    nodes.sort((a, b) => (a.isFile === b.isFile ? a.name.localeCompare(b.name) : a.isFile ? 1 : -1));
    nodes.forEach((n) => sort(n.children));
  };
  sort(root.children);
  return root.children;
}

function Branch({ nodes, selected, onSelect, depth }: { nodes: TreeNode[]; selected?: string; onSelect: (path: string) => void; depth: number }) {
  const [collapsed, setCollapsed] = useState<Record<string, boolean>>({});
  return (
    <ul role={depth === 0 ? 'tree' : 'group'} aria-label={depth === 0 ? 'Generated files' : undefined} className="file-tree">
      {nodes.map((node) =>
        node.isFile ? (
          <li key={node.path} role="treeitem" aria-selected={node.path === selected}>
            <button
              type="button"
              className={`tree-file${node.path === selected ? ' selected' : ''}`}
              style={{ paddingLeft: `${depth * 12 + 18}px` }}
              onClick={() => onSelect(node.path)}
              data-testid={`tree-file-${node.path}`}
            >
              {node.name}
            </button>
          </li>
        ) : (
          <li key={node.path} role="treeitem" aria-expanded={!collapsed[node.path]}>
            <button
              type="button"
              className="tree-folder"
              style={{ paddingLeft: `${depth * 12 + 4}px` }}
              onClick={() => setCollapsed((c) => ({ ...c, [node.path]: !c[node.path] }))}
            >
              <span aria-hidden="true">{collapsed[node.path] ? '▸' : '▾'}</span> {node.name}
            </button>
            {!collapsed[node.path] && <Branch nodes={node.children} selected={selected} onSelect={onSelect} depth={depth + 1} />}
          </li>
        ),
      )}
    </ul>
  );
}

/** The generated project's files as a collapsible tree; a click selects a file for the viewer. */
export function FileTree({ paths, selected, onSelect }: { paths: readonly string[]; selected?: string; onSelect: (path: string) => void }) {
  const nodes = useMemo(() => buildTree(paths), [paths]);
  return <Branch nodes={nodes} selected={selected} onSelect={onSelect} depth={0} />;
}
