// The worker side's view of the lab's domain types (they live in src/lib/lab/types.ts).
export * from '../src/lib/lab/types.ts';
