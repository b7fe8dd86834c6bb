/**
 * The classifier's scores are the project's one classification scoring (shared/evaluation), under the names this
 * module has always exported.
 */
export {
  classificationScores as classificationMetrics,
  type ClassificationScores as ClassificationMetrics,
  type Confusion as ConfusionMatrix,
  type LabelScores as LabelMetrics,
} from '../../../evaluation/classification-metrics.js';
