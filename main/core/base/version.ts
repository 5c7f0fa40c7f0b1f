// The version the build stamps in (package.json's); 'dev' when run from source unbuilt.
declare const __MSK_VERSION__: string | undefined;

export const VERSION: string = typeof __MSK_VERSION__ === 'string' ? __MSK_VERSION__ : 'dev';
