/** The module scripts/contentPackPlugin.ts generates: where the app downloads its content pack from. */
declare module 'virtual:content-pack' {
  const contentPack: {
    /** The pack as one file: hashed and immutable in a build, served fresh from the pack folder in development. */
    url: string
    /** How many files of the pack it carries, for the loading screen's progress. */
    files: number
  }
  export default contentPack
}
