/** Entry of the lab (`npm run lab`); the simulators arrive with the lab issue. */
export async function main(): Promise<void> {
  process.stderr.write('The lab is not built yet.\n')
  process.exitCode = 2
}
