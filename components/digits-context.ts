/**
 * The digits every date and count below a view's root is written in
 * (lib/digits.ts). A context rather than a prop on each part: dates sit deep
 * in shared pieces (EventParts), and only the roots know the reader's setting
 * and the page. The card imports this file: Preact only.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { DigitSet } from '../lib/digits';

export const DigitsContext = createContext<DigitSet>('latn');

export function useDigits(): DigitSet {
  return useContext(DigitsContext);
}
