/**
 * Side-effect module: import it FIRST in an entry point. ES modules evaluate their static
 * imports in order, so everything imported after this one (the Payload config reads the
 * environment when it loads) sees the settled environment.
 *
 * Every entry point runs under `node --conditions=production`: Lexical's default Node entry
 * files (`*.node.mjs`) pick their build with a top-level `await import()`, and Node 20 now and
 * then never settles that module graph (the process exits with code 13 and prints nothing; 10
 * of 15 plain starts here). The `production` condition resolves Lexical's builds directly.
 */
import { prepareEnvironment } from './prepareEnvironment'

prepareEnvironment(process.argv.includes('--dev') ? 'development' : 'production')
