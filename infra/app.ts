import { createDocpipeApp } from './create-app.js';

/** `npx cdk synth` / `npx cdk deploy` run this (cdk.json). */
createDocpipeApp().app.synth();
