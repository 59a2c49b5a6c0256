package prose

// slabs is a list of values kept in arrays of slabSize, which are never
// copied as it grows: append copies the whole list at each growth, and
// the entities, relationships and mentions of a book, grown that way,
// took three times their size or more. flat copies them once, into an
// array of their own size.
type slabs[T any] struct {
	arrays []*[slabSize]T
	n      int
}

// slabSize is how many values an array of slabs holds.
const slabSize = 256

// add appends v and returns its index.
func (l *slabs[T]) add(v T) int {
	if l.n%slabSize == 0 {
		l.arrays = append(l.arrays, new([slabSize]T))
	}
	*l.at(l.n) = v
	l.n++
	return l.n - 1
}

// at returns the value of index i (0 <= i < len).
func (l *slabs[T]) at(i int) *T { return &l.arrays[uint(i)/slabSize][uint(i)%slabSize] }

// len returns the number of values.
func (l *slabs[T]) len() int { return l.n }

// flat returns the values in one array, in order.
func (l *slabs[T]) flat() []T {
	out := make([]T, l.n)
	for k, a := range l.arrays {
		copy(out[k*slabSize:], a[:])
	}
	return out
}
