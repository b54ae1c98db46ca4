/** `npm run build`: build the admin bundle if the sources changed since the last build. */
import '../boot/environment'

import { ensureBuild } from '../boot/ensureBuild'

const built = await ensureBuild()
console.log(built ? 'Build complete.' : 'Build is current.')
