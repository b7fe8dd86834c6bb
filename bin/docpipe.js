#!/usr/bin/env node
// The docpipe command: runs the TypeScript sources directly through tsx (no build step to forget).
import { register } from 'tsx/esm/api';

// The SDK's notice about future Node versions is not for docpipe's users to act on.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
const { main } = await import('../local/cli.ts');
process.exitCode = await main(process.argv);
