import { minimiseLbfgs } from '../../../shared/adapters/embedded/classifier/lbfgs.js';

describe('minimiseLbfgs', () => {
  it('finds the minimum of a badly scaled quadratic', () => {
    // Prepare: f(x, y) = (x - 3)^2 + 100 (y + 1)^2, minimum at (3, -1).
    const objective = (point: Float64Array, gradient: Float64Array): number => {
      const x = point[0] ?? 0;
      const y = point[1] ?? 0;
      gradient[0] = 2 * (x - 3);
      gradient[1] = 200 * (y + 1);
      return (x - 3) ** 2 + 100 * (y + 1) ** 2;
    };
    // Act
    const result = minimiseLbfgs(objective, new Float64Array([0, 0]), {
      maxIterations: 100,
      history: 5,
      relativeTolerance: 0,
      gradientTolerance: 1e-9,
    });
    // Assess
    expect(result.converged).toBe(true);
    expect(result.point[0]).toBeCloseTo(3, 8);
    expect(result.point[1]).toBeCloseTo(-1, 8);
    expect(result.value).toBeCloseTo(0, 12);
  });
});
