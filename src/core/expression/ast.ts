import type { FunctionName } from './names';

/** The binary operators: u + v, u − v, u · v, u / v and the power uᵛ (`^`). */
export type BinaryOperator = '+' | '-' | '*' | '/' | '^';

/**
 * The expression tree of f(x, y). Unary plus leaves no node; unary minus is `negate`.
 * Parentheses leave no node either: the tree's shape is the grouping.
 */
export type Expr =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'variable'; readonly name: 'x' | 'y' }
  | { readonly kind: 'constant'; readonly name: 'pi' | 'e'; readonly value: number }
  | { readonly kind: 'negate'; readonly operand: Expr }
  | {
      readonly kind: 'binary';
      readonly op: BinaryOperator;
      readonly left: Expr;
      readonly right: Expr;
    }
  | { readonly kind: 'call'; readonly fn: FunctionName; readonly argument: Expr };

const NO_CHILDREN: readonly Expr[] = [];

/** The direct sub-expressions of `expr`, left to right. */
export function childrenOf(expr: Expr): readonly Expr[] {
  switch (expr.kind) {
    case 'negate':
      return [expr.operand];
    case 'binary':
      return [expr.left, expr.right];
    case 'call':
      return [expr.argument];
    default:
      return NO_CHILDREN;
  }
}

/**
 * Post-order fold: `combine(node, results of its children)` is called on every node,
 * children before parents, left subtree before right subtree. Iterative (an explicit
 * stack), so even a tree as deep as the input is long cannot overflow the call stack.
 */
export function reduceExpression<T>(
  root: Expr,
  combine: (node: Expr, children: readonly T[]) => T,
): T {
  const nodes: Expr[] = [root];
  const expanded: boolean[] = [false];
  const results: T[] = [];
  while (nodes.length > 0) {
    const top = nodes.length - 1;
    const node = nodes[top]!;
    const children = childrenOf(node);
    if (!expanded[top]) {
      expanded[top] = true;
      for (let i = children.length - 1; i >= 0; i--) {
        nodes.push(children[i]!);
        expanded.push(false);
      }
      continue;
    }
    nodes.pop();
    expanded.pop();
    const childResults = results.splice(results.length - children.length, children.length);
    results.push(combine(node, childResults));
  }
  return results[0]!;
}

/**
 * The tree written back as text with every operation in parentheses, e.g. `-x^2` →
 * `(-(x ^ 2))`. Shows how the parser grouped the input (precedence and associativity).
 */
export function formatExpression(expr: Expr): string {
  return reduceExpression<string>(expr, (node, [a = '', b = '']) => {
    switch (node.kind) {
      case 'number':
        return String(node.value);
      case 'variable':
      case 'constant':
        return node.name;
      case 'negate':
        return `(-${a})`;
      case 'binary':
        return `(${a} ${node.op} ${b})`;
      case 'call':
        return `${node.fn}(${a})`;
    }
  });
}
