import { applyServerEnvironment } from '@/test/integration/auth/session-world';

/**
 * Imported first by a test file that loads the dashboard's route handlers and services with plain imports: it sets
 * the environment a started dashboard gets (applyServerEnvironment) as it loads, and imports run in the order they
 * are written, so every module imported after it finds that environment already in place, as in a started server.
 */
applyServerEnvironment();
