import { canonicalTerminalString, computeTerminalSignature, generateTerminalKeyPair, signTerminalRequest, TERMINAL_CLOCK_SKEW_SECONDS, TERMINAL_SIGNATURE_VERSION, type TerminalSignInput } from '../../platform/terminal-signing';

/**
 * POS request signing, contract v1 (docs/pos-contract.md): the platform's terminal signing
 * (platform/terminal-signing.ts) with the x-pos-* headers. The server, the CLI simulator, the
 * benchmark and the e2e tests all sign through it.
 */
export const POS_SIGNATURE_VERSION = TERMINAL_SIGNATURE_VERSION;
/** A request's timestamp may be at most this far from the server's clock. */
export const POS_CLOCK_SKEW_SECONDS = TERMINAL_CLOCK_SKEW_SECONDS;
export { sha256Hex } from '../../platform/terminal-signing';

export type PosSignInput = TerminalSignInput;

export type PosHeaders = {
  'x-pos-key-id': string;
  'x-pos-timestamp': string;
  'x-pos-nonce': string;
  'x-pos-signature': string;
};

export const canonicalPosString = canonicalTerminalString;
export const computePosSignature = computeTerminalSignature;

/** The four headers a terminal sends with a request. */
export function signPosRequest(input: PosSignInput): PosHeaders {
  return signTerminalRequest('x-pos', input);
}

/** A new key pair for a terminal: the id is public, the secret is shown once. */
export function generateTerminalKey(): { keyId: string; secret: string } {
  return generateTerminalKeyPair('pk', 'psk');
}
