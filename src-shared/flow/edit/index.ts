/** Pure edits of a flow document, shared by the canvas editor, the CLI and tests. */
export * from './clipboard';
export * from './condition-edit';
export * from './connect';
export * from './operations';
