import packageJson from '@/package.json';

/** The dashboard's version, as released: the one in package.json. */
export const DASHBOARD_VERSION: string = packageJson.version;
