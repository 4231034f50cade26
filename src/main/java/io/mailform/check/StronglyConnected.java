package io.mailform.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Tarjan's strongly connected components over a graph of nodes {@code 0..n-1}, iterative so that a long alias chain
 * cannot overflow the stack.
 */
final class StronglyConnected {
    private final int[][] edges;
    private final int[] index;
    private final int[] low;
    private final boolean[] onStack;
    private final Deque<Integer> stack = new ArrayDeque<>();
    private final List<List<Integer>> components = new ArrayList<>();
    private int counter;

    StronglyConnected(int[][] edges) {
        this.edges = edges;
        this.index = new int[edges.length];
        this.low = new int[edges.length];
        this.onStack = new boolean[edges.length];
        Arrays.fill(index, -1);
        for (int node = 0; node < edges.length; node++) {
            if (index[node] == -1) {
                visit(node);
            }
        }
    }

    /** Every component, each a list of nodes; a node without a cycle through it is a component of its own. */
    List<List<Integer>> components() {
        return components;
    }

    private void visit(int root) {
        Deque<int[]> frames = new ArrayDeque<>(); // {node, next edge to follow}
        enter(root, frames);
        while (!frames.isEmpty()) {
            int[] frame = frames.peek();
            int node = frame[0];
            if (frame[1] < edges[node].length) {
                int next = edges[node][frame[1]++];
                if (index[next] == -1) {
                    enter(next, frames);
                } else if (onStack[next]) {
                    low[node] = Math.min(low[node], index[next]);
                }
                continue;
            }
            frames.pop();
            if (!frames.isEmpty()) {
                int caller = frames.peek()[0];
                low[caller] = Math.min(low[caller], low[node]);
            }
            if (low[node] == index[node]) {
                List<Integer> component = new ArrayList<>();
                int member;
                do {
                    member = stack.pop();
                    onStack[member] = false;
                    component.add(member);
                } while (member != node);
                components.add(component);
            }
        }
    }

    private void enter(int node, Deque<int[]> frames) {
        index[node] = counter;
        low[node] = counter;
        counter++;
        stack.push(node);
        onStack[node] = true;
        frames.push(new int[] {node, 0});
    }
}
