/** The softmax and sigmoid view (being built in this change). */
export function SoftmaxView() {
  return null;
}
