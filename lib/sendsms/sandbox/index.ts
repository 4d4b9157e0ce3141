/** The sendSMS sandbox: start it with startSandbox(); drive it in tests through the returned `control`. */
export { startSandbox, type RunningSandbox, type SandboxOptions } from '@/lib/sendsms/sandbox/server';
export { CLIENT_IP_HEADER } from '@/lib/sendsms/sandbox/client-ip';
export type { Faults } from '@/lib/sendsms/sandbox/faults';
export type { AccountSnapshot, KeySnapshot, NewAccount, SandboxControl } from '@/lib/sendsms/sandbox/control';
