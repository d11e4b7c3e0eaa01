package io.jets.table;
