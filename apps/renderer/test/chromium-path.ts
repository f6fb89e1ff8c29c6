/** The engine the renderer launches by default (its env.ts), unless the run names another. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium-headless-shell';
