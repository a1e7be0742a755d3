/**
 * A user's own f(x, y): parsed by our own small parser (never evaluated as
 * JavaScript), compiled to a flat program with exact forward-mode gradients and
 * Hessians, and turned into a Surface. Load this module lazily: only custom
 * functions need it.
 */
export { parseExpression } from './parse.ts';
export { compileExpression, type CompiledExpression } from './compile.ts';
export { surfaceFromExpression, domainError } from './surface.ts';
export type { CustomSurface, SurfaceFromExpressionOptions, SurfaceFromExpressionResult } from './surface.ts';
export { toTex } from './tex.ts';
export { EXPRESSION_LIMITS } from './ast.ts';
export type { ExprNode, ExpressionError, ParseResult } from './ast.ts';
export { FUNCTION_NAMES } from './functions.ts';
export type { FunctionName } from './functions.ts';
