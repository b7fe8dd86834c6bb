import type { LabelledSample } from '../../../shared/adapters/embedded/classifier/train-classifier.js';

/** Three labels, ten hand-written sentences each: enough to train, small enough to read. */
const SENTENCES: Record<string, readonly string[]> = {
  invoice: [
    'Invoice number 1042: total amount due 250 dollars, payment within 30 days.',
    'Please pay the invoice total of 99 dollars to our bank account before the due date.',
    'Invoice for consulting services, amount due on receipt, tax included in the total.',
    'Your invoice is attached; the payment is due at the end of the month.',
    'Amount due: 1,200 dollars. Invoice date 3 March. Payment terms 30 days.',
    'We have not received payment for invoice 77; the amount is now overdue.',
    'The invoice lists each item, the tax and the total amount due.',
    'Send payment by bank transfer and quote the invoice number.',
    'Invoice total 480 dollars including tax; payment due in 14 days.',
    'A late payment fee is added to any invoice not paid by the due date.',
  ],
  recipe: [
    'Preheat the oven, then bake the bread for 40 minutes until golden.',
    'Mix the flour, sugar and butter, then add two eggs and stir.',
    'Chop the onions and fry them in olive oil until soft.',
    'Season the soup with salt and pepper and simmer for ten minutes.',
    'Whisk the eggs with milk and pour into a hot buttered pan.',
    'Bake the cake in the oven and let it cool before slicing.',
    'Stir the sauce over a low heat and add the chopped garlic.',
    'Knead the dough with flour for five minutes, then let it rise.',
    'Add sugar and butter to the pan and stir until the sauce thickens.',
    'Serve the soup hot with fresh bread and a pinch of salt.',
  ],
  weather: [
    'Heavy rain and strong wind are expected across the north tomorrow.',
    'The forecast says sunny skies with a light breeze this afternoon.',
    'Temperatures will fall below freezing tonight, with snow on the hills.',
    'Showers clearing by the evening, then a dry and cold night.',
    'A storm warning is in place: gusts of wind up to 90 km per hour.',
    'Expect cloudy skies and light rain in the morning, sunny later.',
    'Snow and ice will make the roads dangerous overnight.',
    'A warm front brings mild temperatures and scattered showers.',
    'The wind will ease tomorrow and the rain will move east.',
    'Frost tonight, then bright sunshine and cold temperatures on Sunday.',
  ],
};

export const TINY_CORPUS: readonly LabelledSample[] = Object.entries(SENTENCES).flatMap(([label, texts]) =>
  texts.map((text) => ({ text, label })),
);

/** Sentences the model never saw, with the label a reader would give them. */
export const HELD_OUT: readonly LabelledSample[] = [
  { text: 'The total amount due on this invoice must be paid by bank transfer.', label: 'invoice' },
  { text: 'Payment of the overdue invoice is required within 7 days.', label: 'invoice' },
  { text: 'Melt the butter in a pan, add the flour and stir well.', label: 'recipe' },
  { text: 'Bake the dough in a hot oven and serve with salt.', label: 'recipe' },
  { text: 'Strong wind and heavy snow are expected tonight.', label: 'weather' },
  { text: 'Sunny skies tomorrow after the morning showers clear.', label: 'weather' },
];
