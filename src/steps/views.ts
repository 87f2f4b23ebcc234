// Which component draws each step: the one place a step's id meets its screen. A step in the
// story table without a view here fails type-checking.
import type { Component } from 'svelte';
import type { StepId, StoryStep } from '../lib/story/steps.ts';
import Step1Metric from './Step1Metric.svelte';
import Step2Data from './Step2Data.svelte';
import Step3Features from './Step3Features.svelte';
import Step4Train from './Step4Train.svelte';
import Step5Labels from './Step5Labels.svelte';
import Step6Relabelled from './Step6Relabelled.svelte';
import Step7Imbalance from './Step7Imbalance.svelte';
import Step8Compare from './Step8Compare.svelte';
import Step9Drift from './Step9Drift.svelte';
import Step10Fresh from './Step10Fresh.svelte';
import Step11Deploy from './Step11Deploy.svelte';
import Step12Business from './Step12Business.svelte';
import Step13StartOver from './Step13StartOver.svelte';

/** What every step's component is given. */
export interface StepProps {
  step: StoryStep;
}

export const VIEWS = {
  metric: Step1Metric,
  data: Step2Data,
  features: Step3Features,
  train: Step4Train,
  labels: Step5Labels,
  relabelled: Step6Relabelled,
  imbalance: Step7Imbalance,
  compare: Step8Compare,
  drift: Step9Drift,
  fresh: Step10Fresh,
  deploy: Step11Deploy,
  business: Step12Business,
  'start-over': Step13StartOver,
} satisfies Record<StepId, Component<StepProps>>;
