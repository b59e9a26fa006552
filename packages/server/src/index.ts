export { type App, type AppDeps, buildApp } from './app.ts';
export { type Config, ConfigError, configVariables, loadConfig } from './config.ts';
