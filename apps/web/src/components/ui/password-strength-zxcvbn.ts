import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEn from '@zxcvbn-ts/language-en';
import type { StrengthEstimate } from './password-strength';

/** Loaded only through a dynamic import (the dictionaries are large): see password-strength.tsx. */
const factory = new ZxcvbnFactory({
  dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary },
  graphs: zxcvbnCommon.adjacencyGraphs,
  translations: zxcvbnEn.translations,
});

export function estimate(password: string, userInputs: string[]): StrengthEstimate {
  const r = factory.check(password, userInputs);
  return { score: r.score, warning: r.feedback.warning, suggestions: r.feedback.suggestions };
}
