// Dialect rows that are off unless a configuration or a profile switches them on
// ("dialects": ["dagsordenspunkt"]): forms that are headings in some templates but
// ordinary text in others, so that reading them everywhere would invent punkter.
import type { PunktForm } from './punktForms';

export interface OptionalDialect {
  id: string;
  da: string;
  en: string;
  forms: readonly PunktForm[];
  seen: string;
}

export const OPTIONAL_DIALECTS: readonly OptionalDialect[] = [
  {
    id: 'dagsordenspunkt',
    da: 'Punktoverskrifter skrevet "Dagsordenspunkt 3: Titel".',
    en: 'Punkt headings written "Dagsordenspunkt 3: Title".',
    forms: [
      {
        id: 'dagsordenspunkt',
        re: /^Dagsordens?punkt\s+(\d{1,4})\s*[:.\-–]\s*(\S.*)$/i,
        lead: { words: ['dagsordenspunkt', 'dagsordenpunkt'] },
        placement: 'inline',
        strong: true,
        family: 'dagsordenspunkt',
        example: { lines: ['Dagsordenspunkt 3: Budgetopfølgning'], number: 3, title: 'Budgetopfølgning' },
        seen: 'København skriver "Dagsordenspunkt 1: Godkendelse af dagsorden" inde i beslutningen, så formen er kun en overskrift, hvor en skabelon bruger den sådan',
      },
    ],
    seen: 'København (i beslutningsteksten)',
  },
];

export const OPTIONAL_DIALECT_IDS = OPTIONAL_DIALECTS.map((d) => d.id) as [string, ...string[]];
