import { XMLParser } from 'fast-xml-parser';

/** What a carrier needs from a TwiML document to play it. */
export interface TwimlInstructions {
  /** Every <Say>, in the order a caller hears them (those inside <Gather> included). */
  says: string[];
  /** Present when the document ends by waiting for keys. */
  gather?: {
    action: string;
    numDigits: number;
    timeoutSeconds: number;
    actionOnEmptyResult: boolean;
  };
  /** True when the document ends the call. */
  hangup: boolean;
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  preserveOrder: true,
  trimValues: true,
});

/** Reads the subset of TwiML Callgate speaks: Say, Gather (one level), Hangup. */
export function readTwiml(xml: string): TwimlInstructions {
  const document = parser.parse(xml) as OrderedNode[];
  const response = childrenOf(
    document.find((node) => 'Response' in node),
    'Response',
  );
  const instructions: TwimlInstructions = { says: [], hangup: false };
  for (const node of response) {
    if ('Say' in node) instructions.says.push(textOf(node, 'Say'));
    if ('Hangup' in node) {
      instructions.hangup = true;
      break;
    }
    if ('Gather' in node) {
      for (const inner of childrenOf(node, 'Gather')) {
        if ('Say' in inner) instructions.says.push(textOf(inner, 'Say'));
      }
      const attributes = node[':@'] ?? {};
      instructions.gather = {
        action: attributes.action ?? '',
        numDigits: Number(attributes.numDigits ?? 1),
        timeoutSeconds: Number(attributes.timeout ?? 5),
        actionOnEmptyResult: attributes.actionOnEmptyResult === 'true',
      };
      break;
    }
  }
  return instructions;
}

function childrenOf(node: OrderedNode | undefined, tag: string): OrderedNode[] {
  const children = node?.[tag];
  return Array.isArray(children) ? (children as OrderedNode[]) : [];
}

function textOf(node: OrderedNode, tag: string): string {
  return childrenOf(node, tag)
    .map((child) => String(child['#text'] ?? ''))
    .join(' ')
    .trim();
}
