/**
 * Where a rename takes effect, in the words the rename dialog uses before anything is saved. sendSMS has no action
 * to rename a key (lib/sendsms/actions.ts has none, and lib/keys/rename-service.ts calls nothing), so a new name is
 * always the dashboard's own label; sendSMS keeps whatever name it knows the key by, which is said when it has one.
 */
export function renameScope(upstreamName: string | null): string {
  return upstreamName
    ? `Only this dashboard’s name changes: sendSMS cannot rename keys, so it keeps calling this one “${upstreamName}”.`
    : 'Only this dashboard’s name changes: sendSMS cannot rename keys (and has not reported a name for this one).';
}
