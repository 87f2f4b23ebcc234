// Readable text of the marketplace: query templates per category (each with its commercial
// intent) and ad headline templates. Queries are every template × filler; headlines are drawn
// per ad with the world's RNG.
import type { Rng } from '../rng.ts';

/** A query template: '{x}' is replaced by each filler of its category; intent is 0…1. */
export interface QueryTemplate {
  text: string;
  intent: number;
}

/** Per category (CATEGORIES order): query templates, fillers, ad headline templates, brands. */
interface CategoryText {
  queries: QueryTemplate[];
  fillers: string[];
  headlines: string[];
  brands: string[];
}

const TEXT: CategoryText[] = [
  {
    queries: [
      { text: 'cheap flights to {x}', intent: 0.9 },
      { text: 'book hotel in {x}', intent: 0.95 },
      { text: 'things to do in {x}', intent: 0.35 },
      { text: '{x} weather in spring', intent: 0.1 },
      { text: 'last minute deals {x}', intent: 0.85 },
      { text: 'is {x} safe for tourists', intent: 0.2 },
    ],
    fillers: ['lisbon', 'tokyo', 'rome', 'new york', 'bali', 'paris', 'cape town', 'reykjavik'],
    headlines: ['Flights to {x} from $49', '{x} hotels up to 40% off', 'Your {x} getaway starts here'],
    brands: ['SkyFare', 'TripNest', 'Roamly', 'JetBuddy'],
  },
  {
    queries: [
      { text: 'buy {x} online', intent: 0.95 },
      { text: '{x} sale', intent: 0.85 },
      { text: 'best {x} 2026', intent: 0.6 },
      { text: 'how to clean {x}', intent: 0.1 },
      { text: '{x} size guide', intent: 0.45 },
      { text: '{x} reviews', intent: 0.5 },
    ],
    fillers: ['running shoes', 'sneakers', 'hiking boots', 'sandals', 'loafers', 'trail shoes', 'heels', 'kids shoes'],
    headlines: ['New {x} — free returns', '{x} from $39', 'Top-rated {x}, shipped today'],
    brands: ['StrideCo', 'Pacefoot', 'Solemate', 'Kicksy'],
  },
  {
    queries: [
      { text: '{x} deals', intent: 0.85 },
      { text: 'buy {x}', intent: 0.95 },
      { text: '{x} vs competitor', intent: 0.55 },
      { text: '{x} not turning on', intent: 0.15 },
      { text: 'best budget {x}', intent: 0.7 },
      { text: '{x} specs', intent: 0.3 },
    ],
    fillers: ['laptop', 'headphones', 'smartphone', '4k tv', 'tablet', 'smartwatch', 'camera', 'router'],
    headlines: ['{x} — lowest price guaranteed', 'Save on {x} today', 'The {x} everyone is talking about'],
    brands: ['Voltix', 'Circuitry', 'Nanobyte', 'PixelPort'],
  },
  {
    queries: [
      { text: 'best {x} rates', intent: 0.85 },
      { text: 'apply for {x}', intent: 0.95 },
      { text: 'what is a {x}', intent: 0.1 },
      { text: '{x} calculator', intent: 0.5 },
      { text: 'compare {x}', intent: 0.8 },
      { text: '{x} explained', intent: 0.15 },
    ],
    fillers: ['mortgage', 'credit card', 'personal loan', 'savings account', 'index fund', 'car insurance', 'pension', 'student loan'],
    headlines: ['{x}: apply in 5 minutes', 'Compare {x} offers now', 'A better {x}, zero fees'],
    brands: ['Fundwise', 'Loanly', 'CrestBank', 'Ledgerly'],
  },
  {
    queries: [
      { text: '{x} delivery near me', intent: 0.9 },
      { text: 'order {x}', intent: 0.95 },
      { text: '{x} recipe', intent: 0.2 },
      { text: 'calories in {x}', intent: 0.05 },
      { text: 'best {x} in town', intent: 0.6 },
      { text: 'healthy {x} ideas', intent: 0.25 },
    ],
    fillers: ['pizza', 'sushi', 'tacos', 'ramen', 'salad', 'burgers', 'curry', 'vegan bowls'],
    headlines: ['{x} delivered in 30 min', '2-for-1 {x} tonight', 'Fresh {x}, free delivery'],
    brands: ['Dishdash', 'Forkful', 'Munchly', 'Platewise'],
  },
  {
    queries: [
      { text: 'buy {x}', intent: 0.9 },
      { text: '{x} walkthrough', intent: 0.1 },
      { text: '{x} cheats', intent: 0.05 },
      { text: '{x} price', intent: 0.75 },
      { text: 'is {x} worth it', intent: 0.5 },
      { text: '{x} release date', intent: 0.4 },
    ],
    fillers: ['open world rpg', 'racing game', 'puzzle game', 'strategy game', 'vr headset', 'game console', 'gaming chair', 'controller'],
    headlines: ['Play the new {x} today', '{x} — 30% off this week', 'Level up with {x}'],
    brands: ['Gamebit', 'Questly', 'PlayForge', 'Pixelplay'],
  },
  {
    queries: [
      { text: 'buy {x}', intent: 0.9 },
      { text: '{x} side effects', intent: 0.1 },
      { text: 'best {x} for beginners', intent: 0.55 },
      { text: '{x} near me', intent: 0.8 },
      { text: 'what does {x} do', intent: 0.1 },
      { text: '{x} discount', intent: 0.85 },
    ],
    fillers: ['vitamins', 'yoga mat', 'protein powder', 'physiotherapy', 'massage gun', 'fitness tracker', 'dentist', 'eye exam'],
    headlines: ['{x} — feel better today', 'Trusted {x} from $19', 'Book {x} online'],
    brands: ['Vitalia', 'Wellspring', 'Healthful', 'Nimbus Care'],
  },
  {
    queries: [
      { text: 'buy {x}', intent: 0.9 },
      { text: '{x} installation cost', intent: 0.7 },
      { text: 'diy {x}', intent: 0.2 },
      { text: '{x} ideas', intent: 0.3 },
      { text: '{x} sale', intent: 0.85 },
      { text: 'how to fix {x}', intent: 0.15 },
    ],
    fillers: ['sofa', 'kitchen cabinets', 'garden furniture', 'mattress', 'ceiling lamp', 'bathroom tiles', 'rug', 'bookshelf'],
    headlines: ['{x} up to 50% off', 'Designer {x}, factory prices', 'Free delivery on every {x}'],
    brands: ['Hearthly', 'NestWorks', 'Roomory', 'Casaline'],
  },
];

/** The query-text table of a world: texts, their category and their template intent. */
export interface QueryTable {
  texts: string[];
  category: Uint8Array;
  intent: Float32Array;
  /** First index of each category's texts (texts are grouped by category). */
  start: Uint16Array;
  /** Number of texts of each category. */
  count: Uint16Array;
}

/** Every template × filler, grouped by category. */
export function buildQueryTable(): QueryTable {
  const texts: string[] = [];
  const cats: number[] = [];
  const intents: number[] = [];
  const start = new Uint16Array(TEXT.length);
  const count = new Uint16Array(TEXT.length);
  TEXT.forEach((c, ci) => {
    start[ci] = texts.length;
    for (const q of c.queries) {
      for (const f of c.fillers) {
        texts.push(q.text.replace('{x}', f));
        cats.push(ci);
        intents.push(q.intent);
      }
    }
    count[ci] = texts.length - (start[ci] as number);
  });
  return { texts, category: Uint8Array.from(cats), intent: Float32Array.from(intents), start, count };
}

/** A readable ad headline for an ad of the category, e.g. "Flights to lisbon from $49 · SkyFare". */
export function makeHeadline(category: number, rng: Rng): string {
  const c = TEXT[category] as CategoryText;
  const filler = rng.pick(c.fillers);
  const head = rng.pick(c.headlines).replace('{x}', filler);
  return `${head[0]?.toUpperCase() ?? ''}${head.slice(1)} · ${rng.pick(c.brands)}`;
}
