export { platformProviders, type Built, type PlatformSettings } from './platform.providers';
export { HTTP_LISTEN, PlatformLifecycle, type Resource, type Worker } from './platform.lifecycle';
export { DeadLettersController } from './dead-letters/dead-letters.controller';
export { jobDeadLetteredEvent } from './dead-letters/job-dead-lettered';
