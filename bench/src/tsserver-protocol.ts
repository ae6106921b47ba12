// tsserver's own protocol over stdio, the part the latency measurement needs: requests go in as one JSON object per
// line; messages come out framed like LSP's (`Content-Length: <bytes>` headers, a blank line, the JSON body).
// Pure, so that the framing is tested without a tsserver.

/** A request as tsserver reads it. */
export interface TsServerRequest {
  seq: number;
  type: 'request';
  command: string;
  arguments?: unknown;
}

/** A response or an event as tsserver writes it; only the fields the measurement reads. */
export interface TsServerMessage {
  type: 'response' | 'event';
  command?: string;
  event?: string;
  request_seq?: number;
  success?: boolean;
  message?: string;
  body?: unknown;
}

export function encodeRequest(request: TsServerRequest): string {
  return `${JSON.stringify(request)}\n`;
}

/**
 * Splits tsserver's output into messages. Chunks may end anywhere, also inside a header or inside a multi-byte
 * character, so the buffer is kept as bytes and a body is decoded only once all of its bytes have arrived.
 */
export class MessageFramer {
  private buffer: Buffer = Buffer.alloc(0);

  /** The messages complete after `chunk`, in order. Throws on a header block without a Content-Length. */
  push(chunk: Buffer): TsServerMessage[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const messages: TsServerMessage[] = [];
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd === -1) return messages;
      const headers = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = /^Content-Length:\s*(\d+)\s*$/im.exec(headers)?.[1];
      if (length === undefined)
        throw new Error(`tsserver wrote a message without a Content-Length: ${headers}`);
      const bodyStart = headerEnd + 4;
      const bodyEnd = bodyStart + Number(length);
      if (this.buffer.length < bodyEnd) return messages;
      messages.push(
        JSON.parse(this.buffer.subarray(bodyStart, bodyEnd).toString('utf8')) as TsServerMessage,
      );
      this.buffer = this.buffer.subarray(bodyEnd);
    }
  }
}
