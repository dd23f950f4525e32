//! Allocations of exact size, for what the model keeps. `shrink_to_fit` and
//! `into_boxed_slice` ask the allocator to shrink a block in place, and mimalloc keeps a block
//! that would still be at least half used: a string or vector grown by doubling keeps up to
//! half its room. These copy instead when there is room to spare.

/// `s` in an allocation of its length.
pub fn string(s: String) -> String {
    if s.capacity() == s.len() {
        s
    } else {
        s.as_str().to_owned()
    }
}

/// `v` in an allocation of its length.
pub fn vec<T: Clone>(v: Vec<T>) -> Vec<T> {
    if v.capacity() == v.len() {
        v
    } else {
        v.as_slice().to_vec()
    }
}

/// `v` boxed, in an allocation of its length.
pub fn boxed<T: Clone>(v: Vec<T>) -> Box<[T]> {
    if v.capacity() == v.len() {
        v.into_boxed_slice()
    } else {
        v.as_slice().into()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_copies_have_no_room_to_spare_and_the_same_contents() {
        let mut s = String::with_capacity(64);
        s.push_str("Anna Berg");
        let s = super::string(s);
        assert_eq!((s.as_str(), s.capacity()), ("Anna Berg", 9));
        let mut v = Vec::with_capacity(10);
        v.extend([3, 1, 2]);
        let w = super::vec(v.clone());
        assert_eq!((&w[..], w.capacity()), (&[3, 1, 2][..], 3));
        assert_eq!(&*super::boxed(v), &[3, 1, 2]);
    }
}
