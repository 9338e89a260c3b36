/** The URL of the packed digits (scripts/pack-mnist.ts): fetched only when a player opens them. */
declare module 'virtual:mnist-asset' {
  const url: string;
  export default url;
}
