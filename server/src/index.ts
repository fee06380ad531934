export { type AppDeps, createApp, SERVER_VERSION } from './app.js';
export { loadConfig, type ServerConfig } from './config.js';
export { HttpError, type Logger } from './http/errors.js';
