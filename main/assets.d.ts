// electron-vite copies `?asset` imports into the build and gives their runtime path.
declare module '*?asset' {
  const assetPath: string;
  export default assetPath;
}
