import type { Classification, Classifier } from '../../../ports/classifier.js';
import { FeatureSpace } from './feature-space.js';
import { loadClassifierModel } from './model-file.js';
import type { ClassifierModel } from './model.js';
import { predictProbabilities, type SoftmaxParameters } from './softmax-regression.js';

/**
 * The built-in classifier: TF-IDF features and a softmax regression read from a model file.
 *
 * Every text gets an answer. A text with no known term (empty, or OCR noise only) has an all-zero vector, so its
 * scores are the model's bias alone: roughly the label frequencies seen in training, with a low confidence.
 * Callers that must not classify empty documents reject them before (ExtractText already does).
 */
export class EmbeddedClassifier implements Classifier {
  readonly labels: readonly string[];
  private readonly space: FeatureSpace;
  private readonly parameters: SoftmaxParameters;

  constructor(model: ClassifierModel) {
    this.labels = model.labels;
    this.space = new FeatureSpace(
      {
        word: { terms: model.vocabulary.word, idf: model.idf.word },
        char: { terms: model.vocabulary.char, idf: model.idf.char },
      },
      model.options,
    );
    const labelCount = model.labels.length;
    const weights = new Float64Array(this.space.size * labelCount);
    model.weights.forEach((row, k) => {
      row.forEach((weight, j) => {
        weights[j * labelCount + k] = weight;
      });
    });
    this.parameters = {
      labelCount,
      featureCount: this.space.size,
      weights,
      bias: Float64Array.from(model.bias),
    };
  }

  /** Loads and validates a model file (see loadClassifierModel for the errors). */
  static async fromFile(path: string): Promise<EmbeddedClassifier> {
    return new EmbeddedClassifier(await loadClassifierModel(path));
  }

  classify(text: string): Promise<Classification> {
    return Promise.resolve(this.classifySync(text));
  }

  /** The same answer as `classify`, without the promise (for batch evaluation). */
  classifySync(text: string): Classification {
    const probabilities = predictProbabilities(this.parameters, this.space.vectoriseText(text));
    let best = 0;
    const scores: Record<string, number> = {};
    this.labels.forEach((label, k) => {
      const probability = probabilities[k] ?? 0;
      scores[label] = probability;
      if (probability > (probabilities[best] ?? 0)) best = k;
    });
    return { label: this.labels[best] ?? '', confidence: probabilities[best] ?? 0, scores };
  }
}
