/** The smoke tests start the production server, so the admin bundle must be built first. */
export default async function setup(): Promise<void> {
  process.env.NEXT_TELEMETRY_DISABLED = '1'
  const { ensureBuild } = await import('../../src/boot/ensureBuild')
  const started = Date.now()
  const built = await ensureBuild()
  if (built)
    console.log(`smoke: built the admin bundle in ${Math.round((Date.now() - started) / 1000)} s`)
}
