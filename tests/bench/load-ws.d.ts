// The few parts of the `ws` package (socket.io's own websocket library) the load generator uses.
declare module 'ws' {
  export default class WebSocket {
    constructor(
      url: string,
      options?: { perMessageDeflate?: boolean; skipUTF8Validation?: boolean },
    );
    send(data: string): void;
    close(): void;
    on(event: 'open' | 'close', listener: () => void): this;
    on(event: 'message', listener: (data: Buffer, isBinary: boolean) => void): this;
    on(event: 'error', listener: (err: Error) => void): this;
  }
}
