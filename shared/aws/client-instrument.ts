/** Wraps an SDK client once when it is created (X-Ray capture on Lambda); the identity elsewhere. */
export type ClientInstrument = <C extends object>(client: C) => C;

export const noInstrument: ClientInstrument = (client) => client;
